import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { dropListenerTable } from '../../../server/src/sync/listenerTable.ts';

describe('dropListenerTable', () => {
  it('leaves an emitter that still takes, calls and removes listeners', () => {
    const emitter = new EventEmitter();
    dropListenerTable(emitter);
    expect(emitter.emit('message', 1)).toBe(false);
    expect(emitter.listenerCount('message')).toBe(0);
    expect(emitter.eventNames()).toEqual([]);
    const heard: number[] = [];
    const listener = (value: number) => heard.push(value);
    emitter.on('message', listener);
    emitter.once('message', (value: number) => heard.push(value * 10));
    expect(emitter.emit('message', 2)).toBe(true);
    emitter.emit('message', 3);
    emitter.off('message', listener);
    emitter.emit('message', 4);
    expect(heard).toEqual([2, 20, 3]);
    expect(emitter.listenerCount('message')).toBe(0);
  });

  it('keeps the table of an emitter that has listeners', () => {
    const emitter = new EventEmitter();
    const heard: string[] = [];
    emitter.on('close', () => heard.push('close'));
    dropListenerTable(emitter);
    emitter.emit('close');
    expect(heard).toEqual(['close']);
  });

  it('still throws an error event that nobody listens to', () => {
    const emitter = new EventEmitter();
    dropListenerTable(emitter);
    expect(() => emitter.emit('error', new Error('boom'))).toThrow('boom');
  });

  it('frees the table: the emitter keeps no listener object until its first listener', () => {
    const emitter = new EventEmitter();
    dropListenerTable(emitter);
    expect((emitter as unknown as { _events: unknown })._events).toBeUndefined();
    emitter.on('x', () => undefined);
    expect((emitter as unknown as { _events: unknown })._events).toBeDefined();
  });
});
