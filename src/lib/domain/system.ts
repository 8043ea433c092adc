import { cashieringModule } from './cashiering';
import { Engine } from './engine';
import { licensesModule } from './licenses';
import { mailModule } from './mail';
import { payablesModule } from './payables';
import { permitsModule } from './permits';
import { receivablesModule } from './receivables';
import { utilityModule } from './utility';

/** Every module of the Finance counter, in the order their day-start work runs. */
export const CLERK_MODULES = [utilityModule, cashieringModule, licensesModule, permitsModule, receivablesModule, mailModule, payablesModule] as const;

/** The whole clerk system: one engine over every module. Engines hold no state, so one can serve every sandbox. */
export function createClerkSystem(): Engine {
	return new Engine(CLERK_MODULES);
}
