import { CALLS_2022 } from './calls-2022.ts';
import { CALLS_2023 } from './calls-2023.ts';
import { CALLS_2024 } from './calls-2024.ts';
import type { CallScript } from './types.ts';

// Every demo call, oldest first. The generator writes them in this order.
export const DEMO_CALLS: CallScript[] = [...CALLS_2022, ...CALLS_2023, ...CALLS_2024].sort(
  (a, b) => Date.parse(a.start) - Date.parse(b.start),
);
