// Server-Sent Events over fetch(): EventSource cannot send an Authorization header, so the
// stream is read and parsed here, following the HTML standard's rules for the format. The last
// `id:` seen is sent back as Last-Event-ID on every reconnection, so the alert service replays
// what was missed and nothing twice.

import {request} from './api.js';

/** Splits a stream of text into SSE events. Feed it chunks; it calls `onEvent` per dispatched event. */
export class EventStreamParser {
  constructor(onEvent, onId = () => {}, onRetry = () => {}) {
    this.onEvent = onEvent;
    this.onId = onId;
    this.onRetry = onRetry;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.data = [];
    this.type = '';
  }

  push(chunk) {
    // a chunk that ended in \r ended a line; a \n starting the next one belongs to that line end
    this.buffer += this.afterCR && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    this.afterCR = false;
    let end;
    while ((end = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const newline = this.buffer.startsWith('\r\n', end) ? 2 : 1;
      this.afterCR = newline === 1 && this.buffer[end] === '\r' && end === this.buffer.length - 1;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + newline);
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.data.length) this.onEvent({type: this.type || 'message', data: this.data.join('\n'), id: this.lastId});
      this.reset();
      return;
    }
    if (line.startsWith(':')) return; // a comment, e.g. the heartbeat
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.type = value;
    else if (field === 'id' && !value.includes('\0')) { this.lastId = value; this.onId(value); }
    else if (field === 'retry' && /^\d+$/.test(value)) this.onRetry(Number(value));
  }
}

/**
 * Follows `path` until stopped: reconnects after a pause that doubles up to 30 s (reset by a
 * healthy connection), with Last-Event-ID. Returns {stop()}. `onState` hears
 * 'connecting' | 'open' | 'waiting' | 'stopped' (with the error, if any).
 */
export function follow(path, {onEvent, onState = () => {}, lastEventId = null}) {
  let stopped = false;
  let lastId = lastEventId;
  let pause = 1000;
  let controller;
  let timer;

  async function connect() {
    if (stopped) return;
    controller = new AbortController();
    onState('connecting');
    try {
      const headers = {Accept: 'text/event-stream'};
      if (lastId !== null && lastId !== undefined) headers['Last-Event-ID'] = lastId;
      const response = await request(path, {headers, signal: controller.signal});
      onState('open');
      pause = 1000;
      const parser = new EventStreamParser(onEvent, (id) => { lastId = id; }, (ms) => { pause = ms; });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        parser.push(value);
      }
      retry();
    } catch (error) {
      if (stopped || error.name === 'AbortError') return;
      if (error.status === 401 || error.status === 403 || error.status === 400) {
        stopped = true;
        onState('stopped', error);
        return;
      }
      retry(error);
    }
  }

  function retry(error) {
    if (stopped) return;
    onState('waiting', error);
    timer = setTimeout(connect, pause);
    pause = Math.min(pause * 2, 30000);
  }

  connect();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (controller) controller.abort();
      onState('stopped');
    },
    get lastEventId() { return lastId; },
  };
}
