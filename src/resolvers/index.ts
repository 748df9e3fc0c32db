import Resolver from '@forge/resolver';
import { OPERATION_KEYS } from '../contract/operations';
import { operations } from './operations';

const resolverDefinitions = new Resolver();
for (const key of OPERATION_KEYS) resolverDefinitions.define(key, operations[key]);

/** The `resolver` function of manifest.yml: every operation of the contract. */
export const resolver = resolverDefinitions.getDefinitions();
