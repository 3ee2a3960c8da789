// The Web Worker: exposes an EngineHost over Comlink. Nothing else lives here.
import { expose } from 'comlink';
import { EngineHost } from './engineHost';

expose(new EngineHost());
