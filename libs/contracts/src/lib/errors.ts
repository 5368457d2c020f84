/** Shape of every 4xx/5xx body the API returns. `errors` lists each bad field and why. */
export interface ApiFieldError {
  field: string;
  reason: string;
}
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: ApiFieldError[];
}
