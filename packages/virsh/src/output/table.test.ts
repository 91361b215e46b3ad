import { describe, expect, it } from 'vitest';
import { formatTable } from './table.js';

describe('formatTable', () => {
  it('lays out the default list as virsh 9 does', () => {
    expect(formatTable(['Id', 'Name', 'State'], [['1', 'test', 'running']])).toBe(
      ' Id   Name   State\n----------------------\n 1    test   running\n',
    );
  });

  it('widens the dash line to the widest state', () => {
    const text = formatTable(['Id', 'Name', 'State'], [['-', 'test', 'shut off']]);
    expect(text.split('\n')[1]).toHaveLength(23);
  });

  it('prints 20 dashes for an empty list', () => {
    expect(formatTable(['Id', 'Name', 'State'], []).split('\n')[1]).toHaveLength(20);
  });

  it('pads an empty last-but-one column and leaves the last unpadded', () => {
    expect(formatTable(['Id', 'Name', 'State', 'Title'], [['1', 'test', 'running', '']])).toBe(
      ' Id   Name   State     Title\n------------------------------\n 1    test   running   \n',
    );
  });

  it('in quiet mode prints no header and sizes columns by the rows only', () => {
    expect(formatTable(['Id', 'Name', 'State'], [['1', 'test', 'running']], true)).toBe(' 1   test   running\n');
  });
});
