// The bar under the canvas: the time scrubber, then the view toggle (concept / data plane) and the
// display options. Under the canvas rather than over it, so nothing covers a Service or a node.
import { DisplayMenu } from './DisplayMenu';
import { Timeline } from './Timeline';
import { ViewToggle } from './ViewToggle';

export function CanvasBar() {
  return (
    <div className="canvasbar">
      <Timeline />
      <div className="canvasbar__tools">
        <ViewToggle />
        <DisplayMenu />
      </div>
    </div>
  );
}
