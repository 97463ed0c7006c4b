// Errors in Stripe's wire format. The SDK picks its error class from the
// status code (400/404 -> StripeInvalidRequestError, 401 ->
// StripeAuthenticationError) and copies `param` and `code` onto the error,
// so apps can branch on them exactly as they would against the real API.
// As on Stripe, an error with a code links to that code's documentation.
export type StripeErrorBody = {
  type: "invalid_request_error" | "api_error" | "idempotency_error" | "card_error";
  message: string;
  param?: string;
  code?: string;
  doc_url?: string;
};

/** parameter_unknown -> https://stripe.com/docs/error-codes/parameter-unknown */
export function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replaceAll("_", "-")}`;
}

export class StripeApiError extends Error {
  readonly body: StripeErrorBody;

  constructor(
    readonly status: 400 | 401 | 402 | 404 | 500,
    body: StripeErrorBody,
  ) {
    super(body.message);
    this.body = body.code && !body.doc_url ? { ...body, doc_url: docUrl(body.code) } : body;
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
