import '../node-compat.js';
import { startStrategyServer } from './main.js';

startStrategyServer();
