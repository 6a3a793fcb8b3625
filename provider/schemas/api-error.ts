// Error bodies. The CCM/SCM/SMS pages document {"error_code","error_msg"} (SMS 403 adds
// encoded_authorization_message, error_param, details); Huawei's API gateway and some services
// answer {"error":{"code","message"}} instead, sometimes with "request_id". Both are accepted.
import { z } from "zod";

const flatErrorWire = z.looseObject({
  error_code: z.union([z.string(), z.number()]).transform(String),
  error_msg: z.string().nullish(),
  request_id: z.string().nullish(),
});

const nestedErrorWire = z.looseObject({
  error: z.looseObject({
    code: z.union([z.string(), z.number()]).transform(String),
    message: z.string().nullish(),
    request_id: z.string().nullish(),
  }),
  request_id: z.string().nullish(),
});

export interface ApiErrorBody {
  errorCode: string | undefined;
  errorMsg: string | undefined;
  requestId: string | undefined;
}

/** Reads an error body in either form; anything else yields only what the status tells. */
export function parseApiErrorBody(body: unknown): ApiErrorBody {
  const flat = flatErrorWire.safeParse(body);
  if (flat.success) {
    return {
      errorCode: flat.data.error_code,
      errorMsg: flat.data.error_msg ?? undefined,
      requestId: flat.data.request_id ?? undefined,
    };
  }
  const nested = nestedErrorWire.safeParse(body);
  if (nested.success) {
    return {
      errorCode: nested.data.error.code,
      errorMsg: nested.data.error.message ?? undefined,
      requestId: nested.data.error.request_id ?? nested.data.request_id ?? undefined,
    };
  }
  return { errorCode: undefined, errorMsg: undefined, requestId: undefined };
}
