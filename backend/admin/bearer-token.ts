import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * Bearer-token guard. Both tokens are hashed before comparing so the comparison takes the same
 * time whatever the length or content of the guess.
 */
export function requireBearer(token: string): (req: Request, res: Response, next: NextFunction) => void {
  if (token.length === 0) throw new RangeError('the admin token must not be empty');
  const expected = digest(token);
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected)) {
      next();
      return;
    }
    res.set('WWW-Authenticate', 'Bearer realm="poslab-admin"').status(401).json({ error: 'unauthorised' });
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
