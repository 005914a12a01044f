/** Money across districts: factor-method allocation plans (因素法) and matching funds (配套资金; registers its payable on import). */
export { allocationsRoutes } from "./allocations.routes.js";
export { ALLOCATION_BOOK } from "./allocations.service.js";
export {
  allocate,
  FactorMethodError,
  type DistrictAllocation,
  type FactorMethodInput,
} from "./factor-method.js";
export { matchingRoutes } from "./matching.routes.js";
export { MATCHING_BOOK, matchingFen } from "./matching.service.js";
