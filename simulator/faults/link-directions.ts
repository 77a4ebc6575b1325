import type { Direction } from '../network/link-message.ts';
import type { DirectionParam } from './params.ts';

/** Installs a per-direction piece of a fault on each direction the parameter names; one heal for all. */
export function onEachDirection(direction: DirectionParam, install: (direction: Direction) => () => void): () => void {
  const directions: Direction[] = direction === 'both' ? ['to-host', 'to-terminal'] : [direction];
  const heals = directions.map(install);
  return () => {
    for (const heal of heals) heal();
  };
}
