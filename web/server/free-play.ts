import { parseScenario } from '../../harness/scenario/loader.ts';
import type { Scenario } from '../../harness/scenario/scenario.ts';

/**
 * The shop a sandbox session opens in: one terminal, the default operators and a tray of test
 * cards chosen to show the common outcomes (approved, stripe only, too little money, a card
 * reported lost, credit). Every card shares one test PIN so the guide can name it.
 */
export const FREE_PLAY_PIN = '123456';

const FREE_PLAY_YAML = `
id: FREE-PLAY
title: Free play — a countertop terminal and a tray of test cards
suite: sandbox
cards:
  - { id: debit-ok, pan: "6222021234567890123", pin: "${FREE_PLAY_PIN}", balance: 5000.00 }
  - { id: stripe-only, pan: "6217001234567890", pin: "${FREE_PLAY_PIN}", balance: 300.00, chip: false }
  - { id: low-balance, pan: "6222029876543210987", pin: "${FREE_PLAY_PIN}", balance: 20.00 }
  - { id: lost-card, pan: "6222025555666677778", pin: "${FREE_PLAY_PIN}", balance: 1000.00, status: lost }
  - { id: credit-gold, pan: "6250941234567894", pin: "${FREE_PLAY_PIN}", balance: 20000.00, product: credit }
steps:
  - power_on
`;

export function freePlayScenario(): Scenario {
  return parseScenario(FREE_PLAY_YAML, 'sandbox:free-play');
}
