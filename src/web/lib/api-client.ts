// The one fetch client of the web app: JSON in and out, session cookie, problem+json errors.

export interface ApiFieldError {
  field: string;
  message: string;
  row?: number;
  value?: string;
}

/** An HTTP error answered by the server, with its Chinese detail and per-field problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: ApiFieldError[] = [],
    readonly title = '',
  ) {
    super(detail);
  }
}

type AuthRedirects = { unauthenticated: () => void; passwordChangeRequired: () => void; twoFactorEnrolmentRequired?: () => void };

// Set by the router once it exists; until then fall back to a full page navigation.
let redirects: AuthRedirects = {
  unauthenticated: () => window.location.assign('/login'),
  passwordChangeRequired: () => window.location.assign('/change-password'),
};

export function setAuthRedirects(next: AuthRedirects) {
  redirects = next;
}

/**
 * Asks the user for his two-factor code when the server wants a fresh one (STEP_UP_REQUIRED: an action that
 * grants access to household data); resolves true once it was accepted, and the request is sent again.
 */
type StepUpPrompt = (reason: string, enrolled: boolean) => Promise<boolean>;
let stepUpPrompt: StepUpPrompt | null = null;

export function setStepUpPrompt(prompt: StepUpPrompt | null) {
  stepUpPrompt = prompt;
}

export type QueryValue = string | number | boolean | null | undefined;

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

interface RequestOptions {
  method?: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Do not redirect to the login page on 401 (the login form itself, the first /api/me). */
  quietAuth?: boolean;
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: { code?: string; detail?: string; title?: string; errors?: ApiFieldError[]; enrolled?: boolean } = {};
  try {
    problem = await response.json();
  } catch {
    // not JSON: a proxy error page or an empty body
  }
  const detail = problem.detail || problem.title || fallbackDetail(response.status);
  const error = new ApiError(response.status, problem.code ?? `HTTP_${response.status}`, detail, problem.errors ?? [], problem.title ?? '');
  return Object.assign(error, { enrolled: problem.enrolled });
}

function fallbackDetail(status: number): string {
  if (status >= 500) return '服务器暂时无法处理请求，请稍后再试';
  if (status === 404) return '请求的内容不存在';
  if (status === 403) return '您无权访问此内容';
  return `请求失败（${status}）`;
}

function handleAuth(error: ApiError, quietAuth: boolean | undefined) {
  if (quietAuth) return;
  const path = window.location.pathname;
  if (error.status === 401 && (error.code === 'UNAUTHENTICATED' || error.code === 'TWO_FACTOR_REQUIRED') && path !== '/login') {
    redirects.unauthenticated();
  }
  if (error.code === 'TWO_FACTOR_ENROLMENT_REQUIRED' && path !== '/two-factor-setup') redirects.twoFactorEnrolmentRequired?.();
  if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED' && path !== '/change-password') {
    redirects.passwordChangeRequired();
  }
}

export async function send(path: string, options: RequestOptions & { formData?: FormData; afterStepUp?: boolean } = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.formData) body = options.formData;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), { method: options.method ?? 'GET', headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    handleAuth(error, options.quietAuth);
    if (error.code === 'STEP_UP_REQUIRED' && stepUpPrompt && !options.afterStepUp) {
      const enrolled = (error as ApiError & { enrolled?: boolean }).enrolled !== false;
      if (await stepUpPrompt(error.detail, enrolled)) return send(path, { ...options, afterStepUp: true });
    }
    throw error;
  }
  return response;
}

export async function apiRequest<T>(path: string, options: RequestOptions & { formData?: FormData } = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, opts: { quietAuth?: boolean } = {}) => apiRequest<T>(path, { query, ...opts }),
  post: <T>(path: string, body?: unknown, opts: { quietAuth?: boolean } = {}) => apiRequest<T>(path, { method: 'POST', body: body ?? {}, ...opts }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T = void>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
  upload: <T>(path: string, formData: FormData) => apiRequest<T>(path, { method: 'POST', formData }),
};

export function errorDetail(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后再试';
}
