import { describe, expect, it } from 'vitest';
import { DESCRIBE, GET_TABLE, Tabwriter, tabify } from './tabwriter';

describe('tabwriter (Go text/tabwriter as kubectl configures it)', () => {
  it('pads get tables by 3 with a minimum cell width of 6 and never pads the last cell', () => {
    expect(tabify('NAME\tAGE\na\t5s\n', GET_TABLE)).toBe('NAME   AGE\na      5s\n');
    expect(tabify('A\tB\tC\nx\t\tlast\n', GET_TABLE)).toBe('A     B     C\nx           last\n');
  });

  it('aligns describe output per column block: a line without tabs ends the block', () => {
    const text =
      'Name:\tweb\nNamespace:\tdefault\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/x\n';
    expect(tabify(text, DESCRIBE)).toBe(
      'Name:       web\nNamespace:  default\nIPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/x\n',
    );
  });

  it('nests blocks: a longer run of cells aligns inside the outer column', () => {
    const text =
      'a:\tb\nEvents:\n  Type\tReason\tAge\n  ----\t------\t---\n  Normal\tScheduled\t5s\n';
    expect(tabify(text, DESCRIBE)).toBe(
      'a:  b\nEvents:\n  Type    Reason     Age\n  ----    ------     ---\n  Normal  Scheduled  5s\n',
    );
  });

  it('measures cells in runes', () => {
    expect(tabify('ñame\tx\nab\ty\n', { minwidth: 0, padding: 1 })).toBe('ñame x\nab   y\n');
  });

  it('remembers column widths across flushes for watch output, and can forget them', () => {
    const w = new Tabwriter(GET_TABLE);
    w.write('NAME\tSTATUS\tAGE\nweb-1234567\tRunning\t1s\n');
    expect(w.flush()).toBe('NAME          STATUS    AGE\nweb-1234567   Running   1s\n');
    w.write('w\tTerminating\t2s\n');
    expect(w.flush()).toBe('w             Terminating   2s\n');
    w.write('w\tX\t3s\n');
    expect(w.flush()).toBe('w             X             3s\n');
    w.resetRememberedWidths();
    w.write('w\tX\t3s\n');
    expect(w.flush()).toBe('w     X     3s\n');
  });
});
