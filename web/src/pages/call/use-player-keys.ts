import { useEffect } from 'react';
import type { LanePlayer } from './lane-player.ts';

/** Keys go to the form field being typed in, not to the player. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * The player's keyboard: space plays or pauses, ← and → skip 5 s, [ and ] step the speed, n jumps
 * to the next flagged word. Keys with a modifier are left to the browser.
 */
export function usePlayerKeys(player: LanePlayer | null, onNextFlag: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!player || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === ' ') {
        event.preventDefault();
        void player.toggle();
      } else if (event.key === 'ArrowLeft') {
        event.preventDefault();
        player.skip(-5);
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        player.skip(5);
      } else if (event.key === '[') player.stepRate(-1);
      else if (event.key === ']') player.stepRate(1);
      else if (event.key === 'n') onNextFlag();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [player, onNextFlag]);
}
