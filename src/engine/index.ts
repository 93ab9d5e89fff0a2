/**
 * The engine's only public door (named exports, no `export *`). The UI, the worker, the CLI and the
 * tests import from here; nothing here touches React, the DOM or Node.
 */
export type {
  Trace,
  Hop,
  HopFacts,
  HopKind,
  Outcome,
  GraphId,
  TraceRequest,
  TraceEndpoint,
  PathHop,
  PortedHop,
  PortedText,
  PathText,
} from './trace.ts';
export type { PrintedTrace } from './readHops.ts';
export { readHops, printedTrace } from './readHops.ts';
export { hostsEntryLine } from './model/hostsEntry.ts';
export {
  graphIdOfPod,
  graphIdOfService,
  graphIdOfNode,
  graphIdOfIngress,
  graphIdOfLoadBalancer,
  graphIdOfClient,
  graphIdOfEndpoints,
  graphIdOfOutsideHost,
  DNS_GRAPH_ID,
  NO_PORTS,
} from './trace.ts';
export type { Diagnostic, Severity, SourceRef } from './model/diagnostic.ts';
export type * from './model/objects.ts';
export type * from './model/state.ts';
export type { Action, ObjectKindName } from './model/actions.ts';

export type { LinearRegex, LinearRegexOptions } from './regex/linearRegex.ts';
export { compileLinearRegex } from './regex/linearRegex.ts';
export { findBlockNestingBeyond, findFlowNestingBeyond } from './parse/readYaml.ts';
export { MAX_DEPTH } from './limits.ts';
export type { SourceFile, ParseResult } from './parse/parseManifests.ts';
export { parseManifests } from './parse/parseManifests.ts';
export type { RejectedChange, Simulation, SimulationInput } from './sim/simulation.ts';
export { createSimulation, applyAction } from './sim/simulation.ts';
export type { AllocationLedger } from './sim/allocationLedger.ts';
export { recordAllocations, readAllocationLedger } from './sim/allocationLedger.ts';
export { isTerminating } from './cluster/terminationState.ts';
export { nextTimedChange } from './cluster/timedChanges.ts';
export { hasSyntaxError, reviseSimulation } from './sim/editSimulation.ts';
export type { EditOptions, SimulationOptions } from './sim/simulation.ts';
export { createParseCache, readDocumentsAhead } from './parse/parseCache.ts';
export type { ParseCache } from './parse/parseCache.ts';
export type { DocumentLink } from './sim/documentLinks.ts';
// linkDocuments, documentAtLine, documentOfGraphId: engine/links.ts, loaded on demand.
export { sameCluster } from './sim/sameCluster.ts';
export type { RequestSpec, RouteResult } from './net/request.ts';
export type { ExportInput, ScenarioExport } from './export/exportScenario.ts';
export { exportScenario } from './export/exportScenario.ts';
export { routeRequest } from './net/request.ts';
export type { Explanation, Blame, QuickFix, YamlLocation } from './explain/types.ts';
export type { TextEdit } from './explain/fixEdit.ts';
export { explainTrace } from './explain/explainTrace.ts';
export { editForFix, applyTextEdit } from './explain/fixEdit.ts';
export type { OpenApiSchema, SchemaKind, K8sOpenApi } from './schema/k8sOpenApi.ts';
export { k8sOpenApi, apiVersionOf } from './schema/k8sOpenApi.ts';

/**
 * Control-plane look-ups for the shell, the UI and the data plane.
 * @example getContainerEnv(sim.state, findPod(sim.state, 'default', 'kubia-65mtj')!) // PATH, HOSTNAME, …, KUBIA_SERVICE_HOST, …, HOME
 */
export { getContainerEnv, serviceEnvVars } from './cluster/envVars.ts';
export { getIngressControllerPods } from './cluster/runningIngressControllers.ts';
export {
  findPod,
  findPodByIp,
  findService,
  findServiceByClusterIp,
  findEndpoints,
  findNode,
  findNodeByIp,
  findIngress,
  findWorkload,
  getServicePods,
  getOwnedPods,
} from './cluster/lookup.ts';
export { matchesLabels, matchesLabelSelector, formatSelector } from './cluster/labels.ts';
export { resolveTargetPort } from './cluster/endpointsController.ts';

export type { ShellSession, ShellLocation, CreateShellSessionOptions } from './shell/session.ts';
export { createShellSession, getPrompt } from './shell/session.ts';
export type { CommandResult } from './shell/runCommand.ts';
export { runCommand } from './shell/runCommand.ts';
export type { ScriptStep, ScriptResult } from './shell/runScript.ts';
export { runScript, runScriptWithState } from './shell/runScript.ts';
export type { Completion } from './shell/completeCommand.ts';
export { completeCommand } from './shell/completeCommand.ts';

export type { LookupResult, LookupAttempt, LookupOptions } from './net/resolver.ts';
export { lookupName } from './net/resolver.ts';
export { unresolvedHost } from './net/unresolvedHost.ts';
export type { PolicySelection } from './net/policy/policySelections.ts';
export { getPolicySelections } from './net/policy/policySelections.ts';
export { getLayer2Announcers } from './cluster/metallbSpeaker.ts';
export type { PolicyRuleAllows } from './net/policy/policyAllows.ts';
export { getPolicyAllows } from './net/policy/policyAllows.ts';
export type { PingResult, PingReply } from './net/ping.ts';
export { pingHost } from './net/ping.ts';
export type { DnsRecord, DnsRecordType, Rcode } from './cluster/dnsRecords.ts';
export { getDnsRecords } from './cluster/dnsRecords.ts';
export type { ResolvConf } from './cluster/resolvConf.ts';
export { getPodResolvConf, getNodeResolvConf, formatResolvConf } from './cluster/resolvConf.ts';
