/** One shape for every error the API returns. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Field path (e.g. `weeklyHours.1.closes`) to the problems with that field. */
  details?: Record<string, string[]>;
  correlationId?: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
