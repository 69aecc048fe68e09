/** `/v1/jobs/:id`: a job's status, progress, attempts, error and resulting model. */
import { HttpProblem } from '../problem.js';
import { AUTH_ERRORS, route, type Route } from '../route-spec.js';
import { JobIdParams, JobView } from '../schemas.js';
import type { ServiceContext } from '../service-context.js';
import { jobView } from '../views.js';

/** The job routes. */
export function jobRoutes(ctx: ServiceContext): Route[] {
  const show = route({
    method: 'GET',
    url: '/v1/jobs/:id',
    operationId: 'getJob',
    summary: 'Show a job (status, progress, attempts, last error, model id when done)',
    description: 'Keys see the jobs they created; admin keys see every job.',
    tags: ['jobs'],
    scope: 'train',
    params: JobIdParams,
    responses: { 200: { description: 'the job', schema: JobView }, 404: { description: 'no such job (or not yours)' }, ...AUTH_ERRORS },
    handler: async ({ params, key }) => {
      const job = await ctx.store.jobs.get(params.id);
      if (!job || (job.keyId !== key.id && !key.scopes.includes('admin'))) {
        throw new HttpProblem(404, 'job-not-found', `no job with id "${params.id}" visible to this key`);
      }
      return { body: jobView(job) };
    },
  });
  return [show];
}
