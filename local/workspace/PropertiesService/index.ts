/** PropertiesService of the local Workspace. */
export { LocalProperties } from './properties-service';
export {
  PROPERTY_QUOTA_MESSAGE,
  PROPERTY_STORE_LIMIT_BYTES,
  PROPERTY_VALUE_LIMIT_BYTES,
  PropertyStore,
} from './property-store';
