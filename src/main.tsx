// The page's entry: styles, then one kubeplay app in #root configured by the URL.
import '@xyflow/react/dist/base.css';
import './app/styles/app.css';
import { mountApp } from './app/mount';

const root = document.getElementById('root');
if (root) mountApp(root, window.location.search);
