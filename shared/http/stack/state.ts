/** Middy hands the handler only the event, so the stack's per-request state is keyed by it. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Internal } from './types';

export const stateOf = new WeakMap<APIGatewayProxyEventV2, Internal>();
