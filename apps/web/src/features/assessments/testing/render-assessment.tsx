import { DEFAULT_FRAMEWORK, type TAssessmentDetail } from '@waymark/rubric';
import { Outlet } from 'react-router';
import { assessmentRoutes } from '../../../app/routes/assessment-routes';
import { frameworkVersion, jsonResponse } from '../../../testing/api-mocks';
import { renderApp } from '../../../testing/render-app';
import { ASSESSMENT_ID } from './fixtures';

/** Renders the assessment routes alone (no app shell) at `path`. */
export function renderAssessmentRoute(path: string) {
  return renderApp(path, [{ path: '/', element: <Outlet />, children: assessmentRoutes }]);
}

export const FRAMEWORK_PATH = `/frameworks/${DEFAULT_FRAMEWORK.id}/versions/${DEFAULT_FRAMEWORK.version}`;

/** The two reads every assessment page starts with. */
export function assessmentReads(detail: () => TAssessmentDetail) {
  return {
    [`GET /assessments/${ASSESSMENT_ID}`]: () => jsonResponse(detail()),
    [`GET ${FRAMEWORK_PATH}`]: () => jsonResponse(frameworkVersion()),
  };
}
