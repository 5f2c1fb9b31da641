/** Lifecycle flags behind the health endpoints. */
export class HealthState {
  #started = false;
  #draining = false;

  /** Called once the listener is bound. */
  markStarted(): void {
    this.#started = true;
  }

  /** Called when shutdown begins: readiness turns false so no new traffic is routed here. */
  startDraining(): void {
    this.#draining = true;
  }

  get started(): boolean {
    return this.#started;
  }

  get draining(): boolean {
    return this.#draining;
  }

  get ready(): boolean {
    return this.#started && !this.#draining;
  }
}
