// Runs before every mini program test file (jest.config.js setupFiles).
import { installWx } from './harness';

installWx();
