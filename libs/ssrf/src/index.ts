export { classifyAddress, type AddressClassification } from './address-classification';
export { parseCidr, type Cidr } from './ip-address';
export {
  checkEndpointUrl,
  resolveEndpointUrl,
  parseAllowlist,
  systemLookup,
  UrlRejectedError,
  MAX_URL_LENGTH,
  type AddressLookup,
  type ResolvedAddress,
  type UrlPolicy,
} from './url-policy';
export { createGuardedAgent, isSsrfBlocked, SsrfBlockedError, SSRF_BLOCKED } from './guarded-agent';
export {
  sendCapped,
  describeRequestError,
  ResponseTimeoutError,
  type CappedRequest,
  type CappedResponse,
} from './untrusted-response';
