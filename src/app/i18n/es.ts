// Spanish UI strings, and with the lesson panel's (../lessons/i18n.es.ts) the Spanish pack that
// i18n.ts fetches when the page speaks Spanish. Kubernetes terms stay as Kubernetes names them (pod, Service, ClusterIP,
// endpoint), as Spanish-speaking teams say them; Kubernetes' event messages stay in English.
import { lessonsEs } from '../lessons/i18n.es';
import { clusterEs } from './cluster.es';
import type { Messages } from './en';
import type { LangPack } from './packs';

export const es: Messages = {
  'app.name': 'kubeplay',
  'app.tagline': 'Cómo funcionan los Services de Kubernetes',
  'app.loading': 'Arrancando el clúster simulado…',
  'app.toolbar': 'Controles de la simulación',

  'lang.label': 'Idioma',
  'lang.en': 'English',
  'lang.es': 'Español',

  'controls.play': 'Reproducir',
  'controls.pause': 'Pausar',
  'controls.step': 'Avanzar',
  'controls.stepHint': 'Avanza el reloj virtual 100 ms',
  'controls.speed': 'Velocidad',
  'controls.reset': 'Reiniciar',
  'controls.resetHint': 'Vuelve a cargar la lección desde el principio',
  'controls.clock': 'Tiempo virtual',
  'controls.clockValue': '{seconds} s',

  'manifests.title': 'Manifiestos',
  'manifests.editor': 'Editor de manifiestos',
  'manifests.apply': 'Aplicar',
  'manifests.applying': 'Aplicando…',
  'manifests.applyFailed': 'kubectl apply ha fallado',
  'manifests.applied': 'Aplicado',
  'manifests.hide': 'Plegar los manifiestos',
  'manifests.show': 'Mostrar los manifiestos',
  'manifests.hint': 'Edita el YAML y pulsa Aplicar, como con kubectl apply -f.',
  'manifests.diagnostic': 'Línea {line}, columna {column}: {message}',

  'editor.applyAction': 'Aplicar (kubectl apply)',
  'editor.keys':
    '{apply}: aplicar · {format}: formatear · {tab}: la tecla Tab saca el foco (activar/desactivar)',
  'editor.format': 'Formatear',
  'editor.formatHint': 'Dar formato al YAML (se conservan los comentarios)',
  'editor.prune': 'Eliminar los objetos quitados del editor (prune)',
  'editor.problems': 'Problemas del último apply',

  'cluster.title': 'Clúster',
  'cluster.empty': 'Todavía no hay nodos.',
  'canvas.controls': 'Controles de zoom',
  'canvas.zoomIn': 'Acercar',
  'canvas.zoomOut': 'Alejar',
  'canvas.fitView': 'Ajustar el clúster a la pantalla',
  'cluster.unscheduled': 'Sin asignar',

  'node.ready': 'Ready',
  'node.notReady': 'NotReady',
  'node.ip': 'IP',
  'node.podCIDR': 'CIDR de pods',
  'node.label': 'Nodo {name}, {ip}, {state}, CIDR de pods {cidr}',

  'pod.client': 'cliente',
  'pod.backend': 'backend',
  'pod.ready': 'listo',
  'pod.notReady': 'no listo',
  'pod.noIP': 'aún sin IP',
  'pod.labels': 'Etiquetas',
  'pod.newIP': 'IP nueva',
  'pod.wasIP': '(antes {ip})',
  'pod.kind': 'Pod',
  'pod.where': '({ready}, en {node})',
  'pod.hint': 'Intro: detalles · Supr: borrar el pod',

  'service.type': 'Tipo',
  'service.clusterIP': 'ClusterIP',
  'service.dns': 'Nombre DNS',
  'service.ports': 'Puertos',
  'service.endpoints': 'Endpoints listos',
  'service.noEndpoints': 'ningún endpoint listo',
  'service.headless': 'None (headless)',
  'service.label': 'Service {name}, {type}, ClusterIP {ip}, {count} endpoints listos',

  'legend.title': 'Peticiones',
  'legend.ok': 'respondida',
  'legend.refused': 'rechazada',
  'legend.timeout': 'sin respuesta',
  'legend.nxdomain': 'nombre no encontrado',
  'legend.reset': 'conexión cortada',
  'legend.failed': 'falla aquí',
  'legend.slowed':
    'Van a cámara lenta para que se vean: dentro de un clúster una petición real tarda mucho menos de un milisegundo. Aquí cada una tarda unos 0,9 s a velocidad 1×.',

  'packet.nobody': 'ningún pod en {ip}',
  'inspector.title': 'Pod {name}',
  'inspector.region': 'Detalles del pod',
  'inspector.name': 'Nombre',
  'inspector.ip': 'IP',
  'inspector.node': 'Nodo',
  'inspector.status': 'Estado',
  'inspector.ready': 'Listo',
  'inspector.restarts': 'Reinicios',
  'inspector.labels': 'Etiquetas',
  'inspector.owner': 'Controlado por',
  'inspector.none': '—',
  'inspector.delete': 'Borrar pod',
  'inspector.close': 'Cerrar',
  'inspector.gone': 'Este pod ya no existe.',
  'inspector.deleteHint': 'kubectl delete pod {name}',

  'side.label': 'Tráfico y eventos',
  'hits.title': 'Respuestas por pod de backend',
  'hits.hint': 'Peticiones correctas que respondió cada pod desde que se abrió la lección.',
  'hits.gone': 'ya no existe',
  'hits.empty': 'Todavía no hay respuestas.',
  'hits.count': '{count} respuestas',

  'clients.title': 'Clientes',
  'clients.okFailed': '{ok} correctas · {failed} fallidas',
  'clients.empty': 'Todavía no hay peticiones.',
  'clients.lastFailure': 'último fallo: {outcome}',

  'events.title': 'Eventos',
  'events.empty': 'Todavía no hay eventos.',
  'events.time': '{seconds} s',

  'errors.langLoad':
    'No se pudieron cargar los textos en {lang} ({message}); la página sigue en inglés.',
  'errors.chunk':
    'No se pudo cargar esta parte de kubeplay ({message}). Revisa la conexión y vuelve a intentarlo; el clúster sigue funcionando.',
  'errors.retry': 'Reintentar',
  'errors.load': 'No se pudo cargar la lección: {message}',
  'errors.engine': 'La simulación ha fallado: {message}',
  'errors.command': '{command} ha fallado: {message}',
  'errors.unknownLesson': 'No existe ninguna lección llamada «{id}»; se abre la primera lección.',
  'errors.dismiss': 'Cerrar',

  'share.button': 'Compartir',
  'share.title': 'Compartir este clúster',
  'share.intro':
    'Quien abra este enlace verá este clúster en este momento: los mismos pods, con los mismos nombres e IP, en el mismo tiempo virtual.',
  'share.link': 'Enlace para compartir',
  'share.copy': 'Copiar',
  'share.copied': 'Copiado.',
  'share.copyManual': 'El enlace está seleccionado: pulsa Ctrl+C (⌘+C en un Mac) para copiarlo.',
  'share.length': 'Longitud del enlace: {count} caracteres',
  'share.qr': 'Código QR del enlace',
  'share.qrTooLong': 'Este enlace es demasiado largo para un código QR.',
  'share.preparing': 'Preparando el enlace…',
  'share.failed': 'No se pudo crear el enlace: {message}',
  'share.notRunning': 'El clúster todavía no está en marcha: inténtalo de nuevo en un momento.',
  'share.tooLong':
    'Este escenario es demasiado grande para un enlace ({count} caracteres). Descárgalo como archivo.',
  'share.download': 'Descargar el escenario',
  'share.close': 'Cerrar',

  'embed.button': 'Insertar',
  'embed.title': 'Insertar en una página web',
  'embed.intro':
    'Pega este HTML en una página para mostrar este clúster sin el editor ni los paneles laterales. La página puede controlarlo con mensajes (ver docs/embed.md).',
  'embed.code': 'Código para insertar',
  'embed.withEditor': 'Incluir el editor de manifiestos',
  'embed.open': 'Abrir en una pestaña nueva',
  'embed.openHint':
    'Abrir este clúster en la aplicación completa de kubeplay, en una pestaña nueva',

  'sessions.button': 'Escenarios',
  'sessions.title': 'Tus escenarios',
  'sessions.autosave':
    'Lo que haces aquí se guarda en este navegador y vuelve al recargar la página. Abrir un enlace compartido nunca lo sobrescribe.',
  'sessions.linkNote':
    'Has abierto un enlace compartido: los cambios se guardan solo para este enlace. Guárdalo para conservarlo.',
  'sessions.saveAs': 'Guardar como…',
  'sessions.name': 'Nombre',
  'sessions.save': 'Guardar',
  'sessions.saved': 'Guardado como «{name}».',
  'sessions.list': 'Escenarios guardados',
  'sessions.empty': 'Todavía no has guardado nada.',
  'sessions.savedAt': 'guardado el {date}',
  'sessions.open': 'Abrir',
  'sessions.openNamed': 'Abrir {name}',
  'sessions.opened': 'Se ha abierto «{name}».',
  'sessions.delete': 'Eliminar',
  'sessions.deleteNamed': 'Eliminar {name}',
  'sessions.deleted': 'Se ha eliminado «{name}».',
  'sessions.nameRequired': 'Primero ponle un nombre.',
  'sessions.full':
    'El almacenamiento del navegador está lleno. Elimina un escenario guardado o exporta este como archivo.',
  'sessions.unavailable':
    'Este navegador no permite que kubeplay guarde nada (¿una ventana privada?).',
  'sessions.tooBig':
    'Esta sesión es demasiado grande para guardarla en el navegador; expórtala como archivo.',
  'sessions.corrupted': 'Algo guardado en este navegador no se pudo leer y se ha ignorado.',
  'sessions.openFailed': 'No se pudo abrir «{name}»: {message}',
  'sessions.newer':
    'Esto se guardó con una versión más reciente de kubeplay. Recarga la página para actualizarla.',

  'files.title': 'Archivos',
  'files.import': 'Importar escenario…',
  'files.importHint': 'Abre un escenario de kubeplay (YAML) desde tu ordenador',
  'files.imported': 'Se ha abierto {file}.',
  'files.importFailed': 'No se pudo abrir {file}; el clúster no ha cambiado. {message}',
  'files.tooBig': '{file} es demasiado grande ({size} KB; el límite es {limit} KB).',
  'files.exportScenario': 'Exportar escenario',
  'files.exportScenarioHint':
    'Un archivo YAML de escenario: los manifiestos que se ejecutan ahora, con tus comandos kubectl y chaos como línea de tiempo',
  'files.exportManifests': 'Exportar manifiestos',
  'files.exportManifestsHint':
    'Solo los objetos de Kubernetes, listos para kubectl apply -f en un clúster real',

  'link.truncated':
    'Este enlace está incompleto (seguramente se cortó al copiarlo). En su lugar se abre la lección predeterminada.',
  'link.corrupted':
    'Este enlace está dañado y no se puede leer. En su lugar se abre la lección predeterminada.',
  'link.oversized':
    'Este enlace es demasiado grande para abrirlo con seguridad. En su lugar se abre la lección predeterminada.',
  'link.newerVersion':
    'Este enlace se creó con una versión más reciente de kubeplay. Recarga la página para actualizar o pide un enlace nuevo. En su lugar se abre la lección predeterminada.',
  'link.invalidPayload':
    'Este enlace no contiene una sesión de kubeplay. En su lugar se abre la lección predeterminada.',
  'link.loadFailed':
    'No se pudo arrancar el escenario de este enlace ({message}). En su lugar se abre la lección predeterminada.',
  'link.opened': 'Se ha abierto un enlace compartido.',

  'events.english':
    'Los mensajes de los eventos son los de Kubernetes, en inglés, como en un clúster real.',

  'console.title': 'Consola de kubectl',
  'console.input': 'kubectl',
  'console.output': 'Salida de kubectl',
  'console.placeholder': 'Escribe una orden, p. ej. get pods -o wide',
  'console.help':
    'Intro la ejecuta (kubectl es opcional; también funcionan las órdenes chaos) · Tab completa · ↑/↓ historial · Ctrl+L limpia · Ctrl+C o Detener termina una vigilancia · Ctrl+` vuelve aquí',
  'console.show': 'Mostrar la salida',
  'console.hide': 'Ocultar la salida',
  'console.clear': 'Limpiar',
  'console.stop': 'Detener',
  'console.copy': 'Copiar',
  'console.copyLabel': 'Copiar la salida de {command}',
  'console.copied': 'Copiado',
  'console.stderr': 'stderr',
  'console.exit': 'código de salida {code}',
  'console.running': 'Ejecutando…',
  'console.watching': 'Vigilando los cambios. Ctrl+C o Detener lo termina.',
  'console.stopped': 'Detenido (^C).',
  'console.ended': 'La vigilancia terminó: el clúster se recargó o se reinició.',
  'console.interrupted': 'No se ejecutó: {message}',
  'console.truncated': 'Se descartó la salida más antigua de esta orden.',
  'console.empty': 'Ejecuta kubectl aquí contra el clúster simulado. Prueba: get pods -o wide',
  'console.completions': 'Sugerencias',
  'console.completionsCount': '{count} sugerencias: {items}',
  'console.noCompletions': 'No hay sugerencias',

  'recovery.hang': 'La simulación dejó de responder. Reiniciándola y restaurando tu sesión…',
  'recovery.crash': 'La simulación falló ({message}). Reiniciándola y restaurando tu sesión…',
  'recovery.restored':
    'Se reinició la simulación y se restauró tu sesión: {count} órdenes repetidas hasta {seconds} s de tiempo virtual.',
  'recovery.busy':
    'La simulación está ocupada con un cambio grande (miles de objetos tardan un rato en un navegador). Esperando…',
  'recovery.interrupted':
    'la simulación se reinició antes de que esto terminara, así que no tuvo efecto',

  ...clusterEs,
};

/** Everything in Spanish. */
export const esPack: LangPack = { ui: es, lessons: lessonsEs };
