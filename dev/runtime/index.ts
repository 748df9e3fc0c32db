/** The local Forge runtime (never deployed): see dev/runtime/README.md. */
export { installForgeRuntime, ACCOUNT_HEADER, type ForgeRuntimeOptions, type InstalledForgeRuntime } from './install';
export { KvsStore, type KvsStoreOptions, type KvsReply } from './kvs-store';
export { LocalQueue, type LocalQueueOptions, type ConsumerOptions, type QueueStats, type QueuedEvent } from './queue';
export {
  invokeResolver,
  invokeFunction,
  InvocationFailure,
  type ResolverHandler,
  type FunctionHandler,
  type ResolverCall,
  type InvokeOptions,
  type FunctionInvocation,
} from './invoke';
export { DEFAULT_SITE, type SiteIdentity } from './context';
