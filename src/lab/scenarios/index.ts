/**
 * Every scenario module registers itself when imported; this file imports them all (one line
 * per scenario, in the order `qmlsec lab list` shows them).
 */
import './s4-rerouting/index.js';

export {};
