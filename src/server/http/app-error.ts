// One application error with stable codes; one table maps the codes to HTTP statuses.

export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  TWO_FACTOR_REQUIRED: 401,
  BAD_SECOND_FACTOR: 401,
  TWO_FACTOR_ENROLMENT_REQUIRED: 403,
  STEP_UP_REQUIRED: 403,
  FOREIGN_ORIGIN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLES: Record<ErrorCode, string> = {
  VALIDATION: '输入有误',
  UNAUTHENTICATED: '未登录或登录已过期',
  BAD_CREDENTIALS: '用户名或密码错误',
  FORBIDDEN: '无权操作',
  PASSWORD_CHANGE_REQUIRED: '请先修改初始密码',
  TWO_FACTOR_REQUIRED: '请输入两步验证码',
  BAD_SECOND_FACTOR: '验证码不正确',
  TWO_FACTOR_ENROLMENT_REQUIRED: '请先启用两步验证',
  STEP_UP_REQUIRED: '需要两步验证确认',
  FOREIGN_ORIGIN: '请求来源不被信任',
  NOT_FOUND: '未找到',
  CONFLICT: '数据冲突',
  PAYLOAD_TOO_LARGE: '文件过大',
  UNSUPPORTED_MEDIA_TYPE: '文件格式不支持',
  LOCKED: '账户已锁定',
  RATE_LIMITED: '请求过于频繁',
  INTERNAL: '服务器内部错误',
  DATABASE_UNAVAILABLE: '数据库暂时无法访问',
};

/** One problem in the input: a field, or a row and column of an imported file. */
export interface FieldError {
  field: string;
  message: string;
  row?: number;
  value?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** More members of the problem document, e.g. the current record behind an edit conflict. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);
export const forbidden = (detail = '您无权执行此操作') => new AppError('FORBIDDEN', detail);
export const invalid = (errors: FieldError[], detail = '请检查以下字段') => new AppError('VALIDATION', detail, errors);
