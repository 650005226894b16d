// The host's REST routes with the tab's token, and server-sent events read over fetch (EventSource cannot
// send an Authorization header, and a token in a URL would land in logs).
const key = "vmwaremcp.token";

export const token = {
  get: () => sessionStorage.getItem(key),
  set: (value) => sessionStorage.setItem(key, value),
  clear: () => sessionStorage.removeItem(key),
};

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

function headers(extra = {}) {
  return { Authorization: `Bearer ${token.get()}`, ...extra };
}

async function problem(response) {
  try {
    const body = await response.json();
    return new ApiError(response.status, body.detail ?? body.title ?? response.statusText);
  } catch {
    return new ApiError(response.status, response.statusText);
  }
}

/** GETs or POSTs JSON; throws ApiError with the problem's detail on a 4xx or 5xx. */
export async function api(path, { method = "GET", body } = {}) {
  const response = await fetch(path, {
    method,
    headers: headers(body === undefined ? {} : { "Content-Type": "application/json" }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await problem(response);
  return response.status === 204 ? null : response.json();
}

/** The host's readiness report (/readyz), which answers 503 with its body when a target is down. */
export async function readiness() {
  const response = await fetch("/readyz", { headers: headers() });
  return (await response.json()).targets ?? {};
}

/** Yields {type, data} for each server-sent event of path until signal aborts. */
export async function* serverEvents(path, signal) {
  const response = await fetch(path, { headers: headers({ Accept: "text/event-stream" }), signal });
  if (!response.ok) throw await problem(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replaceAll("\r\n", "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) type = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) yield { type, data: JSON.parse(data.join("\n")) };
    }
  }
}
