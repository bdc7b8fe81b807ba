export {
  DEFAULT_MPF_NAMESPACE,
  MpfEmulator,
  type MpfCall,
  type MpfEmulatorOptions,
  type MpfInjection,
  type MpfOutcome,
} from './mpf-emulator';
export type { MpfEmulatorState } from './state';
export { escapeDnValue, Dn } from './dn';
