// Entry point of the run-cost calculator. Loaded on every page but tiny: calc-entry.js imports
// the calculator code only when a page holds the calculator.

import { startCalculators } from "./calc-entry.js";

startCalculators('.p2p-calc[data-p2p-calc="cost"]', "run-cost calculator");
