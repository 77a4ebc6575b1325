/**
 * How fast the people in a scenario act, on the virtual clock: a cashier presses a key in a
 * fifth of a second, a cardholder types a PIN digit in a third. The time passes before each
 * action, so what the terminal measures from card to approval includes the person, as in a shop.
 */
export const KEY_PRESS_MS = 200;
export const PIN_DIGIT_MS = 300;
