export * from "./providers"
export * from "./pkce"
export * from "./tokens"
export * from "./identity"
