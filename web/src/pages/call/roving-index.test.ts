import { describe, expect, it } from 'vitest';
import { nextRovingIndex, rovingStop } from './roving-index.ts';

describe('nextRovingIndex', () => {
  it('moves one word left and right, and stops at either end instead of wrapping', () => {
    expect(nextRovingIndex(2, 'ArrowRight', 5)).toBe(3);
    expect(nextRovingIndex(2, 'ArrowLeft', 5)).toBe(1);
    expect(nextRovingIndex(4, 'ArrowRight', 5)).toBe(4);
    expect(nextRovingIndex(0, 'ArrowLeft', 5)).toBe(0);
  });

  it('goes to the first word with Home and the last with End', () => {
    expect(nextRovingIndex(3, 'Home', 5)).toBe(0);
    expect(nextRovingIndex(1, 'End', 5)).toBe(4);
  });

  it('leaves other keys to the page (Tab, Enter, Space, Up, Down)', () => {
    for (const key of ['Tab', 'Enter', ' ', 'ArrowUp', 'ArrowDown', 'a'])
      expect(nextRovingIndex(1, key, 5)).toBeNull();
  });

  it('has nowhere to go in an empty group, and starts inside a group that shrank', () => {
    expect(nextRovingIndex(0, 'ArrowRight', 0)).toBeNull();
    expect(nextRovingIndex(9, 'ArrowLeft', 3)).toBe(1);
    expect(nextRovingIndex(9, 'ArrowRight', 3)).toBe(2);
  });
});

describe('rovingStop', () => {
  it('keeps the remembered word, or the nearest one when the group has fewer', () => {
    expect(rovingStop(2, 5)).toBe(2);
    expect(rovingStop(7, 5)).toBe(4);
    expect(rovingStop(-1, 5)).toBe(0);
    expect(rovingStop(3, 0)).toBe(0);
  });
});
