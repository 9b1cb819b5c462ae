// React's reply encoder, as Next.js ships it: the access-matrix test uses it to call server
// actions over HTTP exactly as a browser would.
declare module "next/dist/compiled/react-server-dom-webpack/client.node.js" {
  export function encodeReply(value: unknown): Promise<string | FormData>;
}
