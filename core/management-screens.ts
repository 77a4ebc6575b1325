import type { Screen } from './ports.ts';

/** Screens of the supervisor's and the administrator's menus; passwords show as stars only. */
const ask = (...lines: string[]): Screen => ({ lines, awaiting: 'person' });

export const managementScreens = {
  supervisorMenu: () => ask('SUPERVISOR MENU', '1ADD 2REMOVE 3PASSWD', '4UNLOCK 5HOST OUT', '9SIGN OUT'),
  administratorMenu: (timeoutSeconds: number, passwordAgeDays: number) =>
    ask('ADMIN MENU', `1TIMEOUT ${timeoutSeconds}S 4ECHO`, '2UNLOCK SUP 6FLOOR', `5PWD AGE ${passwordAgeDays}D 9OUT`),
  operatorNumber: (title: string, typed: string) => ask(title, `OPERATOR NO: ${typed}`),
  newPassword: (operator: string, typedCount: number) => ask(`OPERATOR ${operator}`, 'NEW PASSWORD:', '*'.repeat(typedCount)),
  confirmPassword: (operator: string, typedCount: number) => ask(`OPERATOR ${operator}`, 'CONFIRM PASSWORD:', '*'.repeat(typedCount)),
  confirmRemove: (operator: string) => ask(`REMOVE OPERATOR ${operator}`, 'ENTER=OK CANCEL=NO'),
  done: (what: string) => ask(what, 'PRESS ANY KEY'),
  failed: (what: string, reason: string) => ask(what, reason, 'PRESS ANY KEY'),
  responseTimeout: (typed: string) => ask('RESPONSE TIMEOUT', 'SECONDS (10-120):', typed),
  passwordAge: (typed: string) => ask('PASSWORD AGE', 'DAYS (1-365):', typed),
  floorLimit: (currentYuan: number, typed: string) => ask('FLOOR LIMIT', `NOW RMB ${currentYuan}`, 'YUAN (0-9999):', typed),
  passwordExpired: (operator: string) => ask(`OPERATOR ${operator}`, 'PASSWORD EXPIRED', 'SET A NEW ONE NOW', 'PRESS ANY KEY'),
  echoing: (): Screen => ({ lines: ['ECHO TEST', 'CONNECTING...'], awaiting: 'nothing' }),
  echoOk: () => ask('ECHO TEST', 'HOST OK', 'PRESS ANY KEY'),
  echoFailed: (reason: string) => ask('ECHO TEST FAILED', reason.slice(0, 20), 'PRESS ANY KEY'),
};
