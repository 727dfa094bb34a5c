/**
 * One hostile family at one size, in a process of its own (so a slow case can be cut off by a
 * timeout and leaves no heap behind): prints the CPU milliseconds analysis and every rule took.
 * Usage: node --import tsx bench/pathologicalOne.ts "<family>" <bytes> <variant>
 */
import { analyzeText } from '../server/src/core/analyzer';
import { defaultConfig } from '../server/src/core/config/config';
import { runRules } from '../server/src/core/rules/run';
import { FAMILIES } from './pathological';

const [family, bytes, variant] = process.argv.slice(2);
const make = FAMILIES[family];
if (!make) throw new Error(`no family "${family}"; known: ${Object.keys(FAMILIES).join(', ')}`);
const config = defaultConfig();
// Warm the code on a small text of the same family first, so the figure is the steady cost.
runRules(analyzeText(make(4_000, Number(variant) + 1)), config, { today: '2025-06-01' });
const text = make(Number(bytes), Number(variant));
const start = process.cpuUsage();
runRules(analyzeText(text), config, { today: '2025-06-01' });
const used = process.cpuUsage(start);
process.stdout.write(`${(used.user + used.system) / 1000}\n`);
