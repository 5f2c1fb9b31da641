/**
 * One real line from each logger the lift understands. Lines of npm libraries (pino, pino-http,
 * bunyan, winston) are checked against what the installed library prints in
 * loggerSamples.test.ts; the others are the documented output format of each library, with the
 * source named, for a fixed instant (2026-12-01T10:00:00.123Z).
 */
export const LOGGER_SAMPLES = {
  /** pino 10: `pino().info({ port: 8080 }, 'listening')`. */
  pino: '{"level":30,"time":1796119200123,"pid":7,"hostname":"api-7d9f","port":8080,"msg":"listening"}',
  /** pino 10: `logger.error(err, 'payment failed')` with the default err serializer. */
  pinoError:
    '{"level":50,"time":1796119200123,"pid":7,"hostname":"api-7d9f","err":{"type":"Error","message":"card declined","stack":"Error: card declined\\n    at charge (/app/pay.js:3:9)"},"msg":"payment failed"}',
  /** pino-http 11: the default "request completed" line. */
  pinoHttp:
    '{"level":30,"time":1796119200123,"pid":7,"hostname":"api-7d9f","req":{"id":1,"method":"GET","url":"/api/tasks?limit=5","query":{"limit":"5"},"params":{},"headers":{"host":"localhost:8080","user-agent":"curl/8.5.0","accept":"*/*"},"remoteAddress":"::ffff:127.0.0.1","remotePort":51234},"res":{"statusCode":200,"headers":{"content-type":"application/json"}},"responseTime":4,"msg":"request completed"}',
  /** bunyan 1.8: `log.warn('slow query')`. */
  bunyan:
    '{"name":"orders","hostname":"api-7d9f","pid":7,"level":40,"msg":"slow query","time":"2026-12-01T10:00:00.123Z","v":0}',
  /** winston 3: `format.combine(format.timestamp(), format.json())` with `defaultMeta: { service }`. */
  winston: '{"level":"error","message":"payment failed","service":"payments","timestamp":"2026-12-01T10:00:00.123Z"}',
  /** go.uber.org/zap NewProduction (zapcore JSON encoder, epoch-seconds `ts`), with zap.Error. */
  zap: '{"level":"error","ts":1796119200.123456,"caller":"app/main.go:42","msg":"request failed","error":"dial tcp 10.0.0.7:5432: i/o timeout","stacktrace":"main.handle\\n\\t/app/main.go:42\\nmain.main\\n\\t/app/main.go:20"}',
  /** github.com/sirupsen/logrus JSONFormatter. */
  logrus: '{"free_mb":120,"level":"warning","msg":"disk almost full","time":"2026-12-01T10:00:00Z"}',
  /** github.com/rs/zerolog with `.Err(err)`, time in the process's zone (+01:00). */
  zerolog:
    '{"level":"error","error":"connection refused","time":"2026-12-01T10:00:00+01:00","message":"cannot reach database"}',
  /** Go log/slog JSONHandler. */
  slog: '{"time":"2026-12-01T10:00:00.123456789Z","level":"WARN","msg":"retrying","attempt":3}',
  /** structlog JSONRenderer with TimeStamper(fmt="iso") and add_log_level. */
  structlog: '{"user_id": 42, "event": "user logged in", "level": "info", "timestamp": "2026-12-01T10:00:00.123456Z"}',
  /** python-json-logger JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s") with exc_info. */
  pythonJsonLogger:
    '{"asctime": "2026-12-01 10:00:00,123", "levelname": "ERROR", "name": "shop", "message": "checkout failed", "exc_info": "Traceback (most recent call last):\\n  File \\"/app/shop.py\\", line 12, in checkout\\n    total = price / qty\\nZeroDivisionError: division by zero"}',
  /** net.logstash.logback:logstash-logback-encoder LogstashEncoder. */
  logstashLogback:
    '{"@timestamp":"2026-12-01T10:00:00.123Z","@version":"1","message":"Request failed","logger_name":"com.example.Api","thread_name":"http-nio-8080-exec-1","level":"ERROR","level_value":40000,"stack_trace":"java.lang.IllegalStateException: boom\\n\\tat com.example.Api.handle(Api.java:42)"}',
  /** co.elastic.logging log4j2 EcsLayout (ECS field names as dotted keys). */
  ecsLog4j2:
    '{"@timestamp":"2026-12-01T10:00:00.123Z","log.level":"ERROR","message":"Failed to process order","ecs.version":"1.2.0","service.name":"orders","process.thread.name":"main","log.logger":"com.example.App","error.type":"java.lang.RuntimeException","error.message":"boom","error.stack_trace":"java.lang.RuntimeException: boom\\n\\tat com.example.App.main(App.java:5)"}',
  /** OpenTelemetry log record as JSON (collector file exporter, flattened). */
  otel: '{"timestamp":"2026-12-01T10:00:00.123Z","severity_text":"WARN","severity_number":13,"body":"cache miss","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"00f067aa0ba902b7","resource":{"service.name":"cart"}}',
  /** Serilog.Formatting.Compact CompactJsonFormatter (CLEF), Information level. */
  serilog: '{"@t":"2026-12-01T10:00:00.1234567Z","@mt":"Processed {Count} items","Count":3}',
  /** CompactJsonFormatter, Error with an exception. */
  serilogError:
    '{"@t":"2026-12-01T10:00:00.1234567Z","@mt":"Order {OrderId} failed","@l":"Error","@x":"System.InvalidOperationException: boom\\n   at Shop.Orders.Place() in /src/Orders.cs:line 12","OrderId":42}',
  /** Microsoft.Extensions.Logging JsonConsoleFormatter (no TimestampFormat set). */
  dotnetConsole:
    '{"EventId":0,"LogLevel":"Error","Category":"App.Worker","Message":"Work failed","Exception":"System.Exception: boom\\n   at App.Worker.Run() in /src/Worker.cs:line 12","State":{"Message":"Work failed","{OriginalFormat}":"Work failed"}}',
  /** @loglift/logger: an httpLogger request line with every contract field. */
  loglift:
    '{"time":"2026-12-01T10:00:00.123Z","level":"info","message":"request completed","service":{"name":"task-service","version":"1.4.0","environment":"production"},"k8s":{"pod":{"name":"api-7d9f-x2k4q"},"namespace":{"name":"shop"}},"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"00f067aa0ba902b7","trace_flags":"01","http":{"request":{"id":"req-1","method":"POST"},"route":"/api/tasks/:id","response":{"status_code":201,"body":{"size":57}},"server":{"duration_ms":12.5}},"url":{"path":"/api/tasks/42"},"user_agent":{"original":"curl/8.5.0"},"client":{"address":"10.0.0.9"}}',
  /** k8s.io/klog/v2 text header (every Kubernetes component). */
  klog: 'E1201 10:00:00.123456       1 reflector.go:138] Failed to watch *v1.Pod: unauthorized',
  /** Node.js uncaught exception on stderr, joined by the chart's multiline parser. */
  nodeTrace:
    "TypeError: Cannot read properties of undefined (reading 'id')\n    at handler (/app/routes/tasks.js:14:22)\n    at async Server.<anonymous> (/app/server.js:30:5)",
  /** A JVM's uncaught exception with a cause. */
  javaTrace:
    'Exception in thread "main" java.lang.IllegalStateException: boom\n\tat com.example.App.run(App.java:12)\n\tat com.example.App.main(App.java:5)\nCaused by: java.io.IOException: disk full\n\tat com.example.Store.write(Store.java:40)\n\t... 2 more',
  /** CPython's traceback of an uncaught exception. */
  pythonTrace:
    'Traceback (most recent call last):\n  File "/app/main.py", line 3, in <module>\n    main()\nKeyError: \'user\'',
  /** A Go panic with its goroutine dump. */
  goPanic:
    'panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:9 +0x1d\nexit status 2',
} as const;
