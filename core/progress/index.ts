/** Progress: the milestones of the works, their updates, elevator outages and help around them. */
export * from './model';
export * from './milestones';
export * from './outage';
