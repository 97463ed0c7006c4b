// Errors in Stripe's wire format. The SDK picks its error class from the
// status code (400/404 -> StripeInvalidRequestError, 401 ->
// StripeAuthenticationError) and copies `param` and `code` onto the error,
// so apps can branch on them exactly as they would against the real API.
export type StripeErrorBody = {
  type: "invalid_request_error" | "api_error" | "idempotency_error" | "card_error";
  message: string;
  param?: string;
  code?: string;
};

export class StripeApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 402 | 404 | 500,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }

  toJSON(): { error: StripeErrorBody } {
    return { error: this.body };
  }
}

export function missingParam(param: string): StripeApiError {
  return new StripeApiError(400, {
    type: "invalid_request_error",
    code: "parameter_missing",
    param,
    message: `Missing required param: ${param}.`,
  });
}

export function invalidParam(param: string, message: string, code = "parameter_invalid"): StripeApiError {
  return new StripeApiError(400, { type: "invalid_request_error", code, param, message });
}

/**
 * An id that does not exist. Stripe answers 404 when the id is in the URL and
 * 400 when it is a parameter of another request (e.g. `customer` on a
 * Checkout Session); both carry code `resource_missing`.
 */
export function noSuchResource(kind: string, id: string, param = "id"): StripeApiError {
  return new StripeApiError(param === "id" ? 404 : 400, {
    type: "invalid_request_error",
    code: "resource_missing",
    param,
    message: `No such ${kind}: '${id}'`,
  });
}

export function invalidRequest(message: string, param?: string): StripeApiError {
  return new StripeApiError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}) });
}
