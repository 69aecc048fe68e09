/**
 * Every scenario module registers itself when imported; this file imports them all (one line
 * per scenario, in the order `qmlsec lab list` shows them).
 */
import './s1-model-extraction/index.js';
import './s2-adversarial-evasion/index.js';
import './s3-untrusted-provider/index.js';
import './s4-rerouting/index.js';

export {};
