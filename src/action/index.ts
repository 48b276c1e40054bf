// The action's entry point (dist/index.js): runs the one command the step asks for.
import { main } from "./main.js";

void main();
