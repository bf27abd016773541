/** Colours per kind of box, shared by the Mermaid and SVG renderers so both pictures read alike. */
import type { NodeKind } from './types.js';

export interface KindStyle {
  fill: string;
  stroke: string;
  /** A word shown in the SVG legend. */
  legend: string;
}

export const KIND_STYLE: Readonly<Record<NodeKind | 'note', KindStyle>> = {
  clients: { fill: '#f5f5f5', stroke: '#616161', legend: 'clients' },
  loadBalancer: { fill: '#ede7f6', stroke: '#5e35b1', legend: 'load balancer' },
  listener: { fill: '#e8eaf6', stroke: '#3949ab', legend: 'listener' },
  rule: { fill: '#e8eaf6', stroke: '#3949ab', legend: 'rule / route' },
  targetGroup: { fill: '#e3f2fd', stroke: '#1e88e5', legend: 'target group' },
  service: { fill: '#fff3e0', stroke: '#ef6c00', legend: 'service' },
  workload: { fill: '#fff8e1', stroke: '#f9a825', legend: 'workload' },
  container: { fill: '#e8f5e9', stroke: '#2e7d32', legend: 'container' },
  sidecar: { fill: '#f1f8e9', stroke: '#7cb342', legend: 'sidecar' },
  autoscaling: { fill: '#fce4ec', stroke: '#c2185b', legend: 'auto scaling' },
  deployment: { fill: '#f3e5f5', stroke: '#8e24aa', legend: 'deployment' },
  mesh: { fill: '#e0f7fa', stroke: '#00838f', legend: 'mesh' },
  discovery: { fill: '#e0f2f1', stroke: '#00695c', legend: 'discovery' },
  other: { fill: '#fafafa', stroke: '#9e9e9e', legend: 'other' },
  note: { fill: '#fffde7', stroke: '#bdbdbd', legend: 'note' },
};

export const TRAFFIC_COLOUR = '#37474f';
export const CONTROL_COLOUR = '#8d6e63';
