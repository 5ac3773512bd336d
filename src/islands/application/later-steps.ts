// The steps after the first, and the confirmation: fetched as soon as the form is shown
// (ApplicationForm), so the first step is ready to use before they arrive and they are on the
// phone long before anyone reaches them.
export { DataStep } from './DataStep';
export { DocumentsStep } from './DocumentsStep';
export { SendStep } from './SendStep';
export { default as Confirmation } from './Confirmation';
