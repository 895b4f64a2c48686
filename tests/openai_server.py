"A small OpenAI-compatible server on 127.0.0.1 for tests: serves any synthdiv `LLM`, and can misbehave on purpose."
import json, threading, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

class LocalServer:
    "Serve `llm` at http://127.0.0.1:PORT/v1; `fail` is a list of statuses for the next requests, `delay` seconds per request."
    def __init__(self, llm, api_key=None, delay=0.0):
        self.llm, self.api_key, self.delay = llm, api_key, delay
        self.fail, self.retry_after, self.seen, self.active, self.max_active = [], None, [], 0, 0
        self._lock = threading.Lock()
        owner = self
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a): pass
            def do_POST(self): owner._handle(self)
        self.httpd = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        self.url = f'http://127.0.0.1:{self.httpd.server_address[1]}/v1'
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self): self.httpd.shutdown(); self.httpd.server_close()

    def _send(self, h, status, obj, headers=None):
        data = json.dumps(obj).encode()
        h.send_response(status); h.send_header('Content-Type', 'application/json'); h.send_header('Content-Length', str(len(data)))
        for k, v in (headers or {}).items(): h.send_header(k, v)
        h.end_headers(); h.wfile.write(data)

    def _handle(self, h):
        body = json.loads(h.rfile.read(int(h.headers['Content-Length'])))
        with self._lock:
            self.seen.append({'path': h.path, 'auth': h.headers.get('Authorization'), 'body': body})
            self.active += 1; self.max_active = max(self.max_active, self.active)
            status = self.fail.pop(0) if self.fail else 200
        try:
            time.sleep(self.delay)
            if self.api_key and h.headers.get('Authorization') != f'Bearer {self.api_key}':
                return self._send(h, 401, {'error': {'message': 'invalid api key'}})
            if status != 200:
                headers = {'Retry-After': str(self.retry_after)} if self.retry_after is not None else {}
                return self._send(h, status, {'error': {'message': f'injected {status}'}}, headers)
            self._send(h, 200, self._answer(h.path, body))
        finally:
            with self._lock: self.active -= 1

    def _answer(self, path, body):
        kw = dict(max_new_tokens=body['max_tokens'], temperature=body.get('temperature', 0), seed=body.get('seed', 0),
                  top_p=body.get('top_p', 1.0), stop=body.get('stop') or [])
        if path.endswith('/chat/completions'):
            text = self.llm.generate([body['messages']], **kw)[0]
            return {'choices': [{'message': {'role': 'assistant', 'content': text}}]}
        if body.get('echo'):   # score the text word by word (the fake LLM's tokens), with character offsets
            text, words, offsets, pos = body['prompt'], [], [], 0
            for w in text.split():
                pos = text.index(w, pos); words.append(w); offsets.append(pos); pos += len(w)
            lps = [None] + [float(self.llm.logprobs([' '.join(words[:i])], [words[i]])[0][0]) for i in range(1, len(words))]
            return {'choices': [{'text': text, 'logprobs': {'tokens': words, 'token_logprobs': lps, 'text_offset': offsets}}]}
        return {'choices': [{'text': self.llm.generate([body['prompt']], **kw)[0]}]}
