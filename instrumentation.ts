import type { Instrumentation } from 'next';

// Every error Next catches while rendering or handling a request becomes one structured log line carrying the
// request's id (lib/log.js), so an operator can find everything that request did.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  // The logger needs Node (AsyncLocalStorage, pino); an edge runtime would not load it.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getLogger, pathForLog } = await import('./lib/log.js');
  getLogger().error({ err: error, method: request.method, path: pathForLog(request.path), routePath: context.routePath, routeType: context.routeType }, 'request failed');
};
