import { Navigate, useParams } from "react-router-dom"

/**
 * /settings/mailer/accounts/<id> (and …/create): the account form opens as a focus modal over
 * the list, so this address only forwards to `?edit=<id>` (or `?create=1`). Links from the
 * overview and the setup can use either form.
 */
const AccountAddress = () => {
  const { id = "" } = useParams()
  const search = id === "create" ? "?create=1" : `?edit=${encodeURIComponent(id)}`
  return <Navigate to={`/settings/mailer/accounts${search}`} replace />
}

export default AccountAddress
