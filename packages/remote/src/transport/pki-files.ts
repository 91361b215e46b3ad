/** Where libvirt's client looks for its x509 files (libvirt 9, virNetTLSContextNewClientPath). */
export interface PkiFiles {
  ca: string;
  cert: string;
  key: string;
}

/**
 * `pkipath` (the URI parameter) holds cacert.pem, clientcert.pem and clientkey.pem. Without it, root
 * uses the system layout (/etc/pki/CA/cacert.pem, /etc/pki/libvirt/clientcert.pem,
 * /etc/pki/libvirt/private/clientkey.pem) and other users $HOME/.pki/libvirt/.
 */
export function pkiFiles(options: { pkipath?: string | undefined; root: boolean; home?: string | undefined }): PkiFiles {
  const directory = options.pkipath ?? (options.root ? undefined : `${options.home ?? ''}/.pki/libvirt`);
  if (directory !== undefined) {
    return { ca: `${directory}/cacert.pem`, cert: `${directory}/clientcert.pem`, key: `${directory}/clientkey.pem` };
  }
  return { ca: '/etc/pki/CA/cacert.pem', cert: '/etc/pki/libvirt/clientcert.pem', key: '/etc/pki/libvirt/private/clientkey.pem' };
}
